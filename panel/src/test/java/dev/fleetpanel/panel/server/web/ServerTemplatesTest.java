package dev.fleetpanel.panel.server.web;

import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.RUSSIAN;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.admin;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.parse;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.parseRows;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderHtmx;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.platform.web.View;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * server/list.html: the Servers page and the fragments htmx swaps in, with the models
 * ServerResource builds.
 */
class ServerTemplatesTest {
  private static final String TEMPLATE = "server/list";
  private static final String SCRIPT_NAME = "<script>alert(1)</script>";
  private static final String QUOTED_NAME = "\"quoted' name";
  private static final String CURLY_NAME = "{{7*7}}";
  private static final String INLINE_NAME = "[[${7*7}]]";
  private static final String IMG_NOTES = "<img src=x onerror=alert(1)>";
  private static final String FOLDER_NAME = "<script>alert(2)</script> \"f'";

  private static ServerRow server(
      long id, String name, String notes, boolean active, boolean first, boolean last) {
    return new ServerRow(id, name, "203.0.113." + id, 9100, null, null, notes, active, first, last);
  }

  private static ServerFormView emptyForm() {
    return new ServerFormView("", "", "9100", null, "");
  }

  private static String confirmDelete(String name) {
    return "Delete server \""
        + name
        + "\"? Its settings in the panel are removed; nothing changes on the server itself.";
  }

  /** As ServerResource.withTable: folders first, then the servers in no folder. */
  private static View withTable(View view, List<FolderRow> groups) {
    List<FolderRow> folders =
        groups.stream()
            .filter(g -> g.id() != null)
            .map(g -> new FolderRow(g.id(), g.name(), false, false, List.of()))
            .toList();
    return view.with("groups", groups)
        .with("folders", folders)
        .with("serverCount", groups.stream().mapToInt(g -> g.servers().size()).sum());
  }

  private static View hostilePage() {
    ServerRow inFolder =
        new ServerRow(5, INLINE_NAME, "10.0.0.5", 9100, 3L, FOLDER_NAME, "", true, true, true);
    List<FolderRow> groups =
        List.of(
            new FolderRow(3L, FOLDER_NAME, true, true, List.of(inFolder)),
            new FolderRow(
                null,
                null,
                false,
                false,
                List.of(
                    server(1, SCRIPT_NAME, IMG_NOTES, true, true, false),
                    server(2, QUOTED_NAME, "", true, false, false),
                    server(3, CURLY_NAME, "", false, false, true))));
    return withTable(View.page(TEMPLATE, "content"), groups)
        .with("form", emptyForm())
        .with("errors", Map.of());
  }

  // ---- escaping ----

  @Test
  void hostileNamesAndNotesShowLiterallyAndCreateNoElements() {
    String html = renderPage(hostilePage(), admin());
    Document doc = parse(html);

    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(doc.select("img")).isEmpty();
    assertThat(doc.select("script")).allSatisfy(s -> assertThat(s.hasAttr("src")).isTrue());
    assertThat(doc.select("[onerror]")).isEmpty();

    assertThat(doc.select("#server-1 td strong").text()).isEqualTo(SCRIPT_NAME);
    assertThat(doc.select("#server-1 td").get(3).text()).isEqualTo(IMG_NOTES);
    assertThat(doc.select("#server-2 td strong").text()).isEqualTo(QUOTED_NAME);
    assertThat(doc.select("#server-3 td strong").text()).isEqualTo(CURLY_NAME);
    assertThat(doc.select("#server-5 td strong").text()).isEqualTo(INLINE_NAME);
    assertThat(doc.text()).doesNotContain("49");
  }

  @Test
  void hostileNamesAreEscapedInsideAttributes() {
    Document doc = parse(renderPage(hostilePage(), admin()));

    for (long id = 1; id <= 3; id++) {
      Element delete = doc.selectFirst("#server-" + id + " button[hx-delete=servers/" + id + "]");
      assertThat(delete).as("delete button of server " + id).isNotNull();
      String name = doc.select("#server-" + id + " td strong").text();
      assertThat(delete.attr("hx-confirm")).isEqualTo(confirmDelete(name));
    }
    assertThat(doc.selectFirst("#server-2 button[hx-delete]").attr("hx-confirm"))
        .isEqualTo(confirmDelete(QUOTED_NAME));
    assertThat(doc.selectFirst("#server-1 button[hx-delete]").attr("hx-confirm"))
        .isEqualTo(confirmDelete(SCRIPT_NAME));

    Element folder = doc.selectFirst("tbody#folder-3");
    assertThat(folder.select("tr.folder-row input[name=folder_name]").attr("value"))
        .isEqualTo(FOLDER_NAME);
    assertThat(folder.select("button[hx-delete=servers/folders/3]").attr("hx-confirm"))
        .isEqualTo("Delete folder \"" + FOLDER_NAME + "\"? Its servers stay, without a folder.");
    assertThat(doc.select("select[name=folder_id] option[value=3]").text()).isEqualTo(FOLDER_NAME);
  }

  @Test
  void pageGroupsServersByFolder() {
    Document doc = parse(renderPage(hostilePage(), admin()));

    assertThat(doc.select("#server-table table tbody").eachAttr("id"))
        .containsExactly("folder-3", "folder-none");
    assertThat(doc.select("tbody#folder-none tr.folder-row").text()).isEqualTo("No folder");
    assertThat(doc.select("tbody#folder-none tr[id]").eachAttr("id"))
        .containsExactly("server-1", "server-2", "server-3");
    assertThat(doc.select("tbody#folder-3 tr[id]").eachAttr("id")).containsExactly("server-5");
    assertThat(doc.select("form#add-server-form").hasAttr("hx-swap-oob")).isFalse();
    assertThat(doc.select("form#add-server-form[hx-post=servers][hx-target=#server-table]"))
        .hasSize(1);
    // The fragments htmx swaps in on their own are not part of the page.
    assertThat(doc.select("tr.editing")).isEmpty();
    assertThat(doc.select("[id=server-1]")).hasSize(1);
  }

  // ---- row ----

  @Test
  void rowFragmentIsOneTableRowWithHtmxActions() {
    View view =
        View.fragment(TEMPLATE, "row").with("s", server(7, "web-7", "rack 2", true, false, false));
    Element tbody = parseRows(renderHtmx(view, admin()));

    assertThat(tbody.children()).hasSize(1);
    Element tr = tbody.child(0);
    assertThat(tr.tagName()).isEqualTo("tr");
    assertThat(tr.id()).isEqualTo("server-7");
    assertThat(tr.hasClass("disabled")).isFalse();
    assertThat(tr.select("td").eachText().subList(0, 5))
        .containsExactly("web-7", "203.0.113.7", "9100", "rack 2", "on");

    Element edit = tr.selectFirst("button[hx-get]");
    assertThat(edit.attr("hx-get")).isEqualTo("servers/7/edit");
    assertThat(edit.attr("hx-target")).isEqualTo("closest tr");
    assertThat(edit.text()).isEqualTo("Edit");

    Element delete = tr.selectFirst("button[hx-delete]");
    assertThat(delete.attr("hx-delete")).isEqualTo("servers/7");
    assertThat(delete.attr("hx-confirm")).isEqualTo(confirmDelete("web-7"));
    assertThat(delete.attr("hx-target")).isEqualTo("closest tr");

    assertThat(tr.select("button[hx-post=servers/7/active]").eachText()).containsExactly("Disable");
    assertThat(tr.select("button[hx-post=servers/7/active]").attr("hx-vals"))
        .isEqualTo("{\"active\": \"false\"}");
    assertThat(tr.select("button[hx-post=servers/7/move?dir=up]")).hasSize(1);
    assertThat(tr.select("button[hx-post=servers/7/move?dir=down]")).hasSize(1);
  }

  @Test
  void disabledServerRowHasDisabledClassAndEnableButton() {
    View view = View.fragment(TEMPLATE, "row").with("s", server(8, "db-8", "", false, true, true));
    Element tr = parseRows(renderHtmx(view, admin())).child(0);

    assertThat(tr.id()).isEqualTo("server-8");
    assertThat(tr.hasClass("disabled")).isTrue();
    assertThat(tr.select(".badge.off").text()).isEqualTo("off");
    Elements toggle = tr.select("button[hx-post=servers/8/active]");
    assertThat(toggle.eachText()).containsExactly("Enable");
    assertThat(toggle.attr("hx-vals")).isEqualTo("{\"active\": \"true\"}");
    assertThat(tr.select("button[hx-post*=move]")).as("first and last: no move buttons").isEmpty();
  }

  @Test
  void russianRow() {
    View view = View.fragment(TEMPLATE, "row").with("s", server(7, "web-7", "", true, true, true));
    Element tr = parseRows(renderHtmx(view, admin(RUSSIAN))).child(0);

    assertThat(tr.select("button[hx-delete]").text()).isEqualTo("Удалить");
    assertThat(tr.select("button[hx-delete]").attr("hx-confirm"))
        .startsWith("Удалить сервер «web-7»?");
    assertThat(tr.select("button[hx-post=servers/7/active]").text()).isEqualTo("Отключить");
  }

  // ---- table ----

  @Test
  void tableFragmentHasTheServerTableId() {
    List<FolderRow> groups =
        List.of(
            new FolderRow(
                null,
                null,
                true,
                false,
                List.of(
                    server(1, "a", "", true, true, false), server(2, "b", "", true, false, true))));
    Document doc =
        parse(renderHtmx(withTable(View.fragment(TEMPLATE, "server-table"), groups), admin()));

    assertThat(doc.select("html > body > *")).hasSize(1);
    Element table = doc.selectFirst("html > body > div");
    assertThat(table.id()).isEqualTo("server-table");
    assertThat(table.select("tr[id^=server-]").eachAttr("id"))
        .containsExactly("server-1", "server-2");
    assertThat(table.select("tr.folder-row"))
        .as("only servers in no folder: no folder heading")
        .isEmpty();
    assertThat(doc.select("nav, form#add-server-form")).isEmpty();
  }

  @Test
  void emptyTableSaysThereAreNoServers() {
    List<FolderRow> groups = List.of(new FolderRow(null, null, true, false, List.of()));
    Document doc =
        parse(renderHtmx(withTable(View.fragment(TEMPLATE, "server-table"), groups), admin()));

    assertThat(doc.select("#server-table p.muted").text())
        .isEqualTo("No servers yet. Add the first one above.");
    assertThat(doc.select("#server-table table")).isEmpty();
  }

  // ---- forms ----

  @Test
  void refusedAddFormShowsTheErrorAndKeepsTheInput() {
    ServerFormView typed = new ServerFormView("web-1", "203.0.113.1", "abc", null, "<b>n</b>");
    View view =
        View.fragment(TEMPLATE, "add-form")
            .with("folders", List.of())
            .with("form", typed)
            .with("errors", Map.of("name", "server.name.duplicate"));
    String html = renderHtmx(view, admin());
    Document doc = parse(html);

    Element form = doc.selectFirst("form#add-server-form");
    assertThat(form).isNotNull();
    assertThat(form.hasAttr("hx-swap-oob")).isFalse();
    assertThat(form.select(".field-error").eachText())
        .containsExactly("A server with this name already exists.");
    assertThat(form.select("input[name=name]").attr("aria-invalid")).isEqualTo("true");
    assertThat(form.select("input[name=address]").hasAttr("aria-invalid")).isFalse();
    assertThat(form.select("input[name=name]").val()).isEqualTo("web-1");
    assertThat(form.select("input[name=agent_port]").val()).isEqualTo("abc");
    assertThat(form.select("textarea[name=notes]").val()).isEqualTo("<b>n</b>");
    assertThat(html).doesNotContain("<b>n</b>");
  }

  @Test
  void tableAndFormAfterAChangeSwapsTheFormOutOfBand() {
    List<FolderRow> groups =
        List.of(
            new FolderRow(
                4L,
                "prod",
                true,
                true,
                List.of(new ServerRow(1, "a", "10.0.0.1", 9100, 4L, "prod", "", true, true, true))),
            new FolderRow(null, null, false, false, List.of()));
    View view =
        withTable(View.fragment(TEMPLATE, "table-and-form"), groups)
            .with("form", emptyForm())
            .with("errors", Map.of())
            .with("oob", true);
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select("html > body > *"))
        .extracting(Element::tagName)
        .containsExactly("div", "form");
    assertThat(doc.select("div#server-table tr#server-1")).hasSize(1);
    Element form = doc.selectFirst("form#add-server-form");
    assertThat(form.attr("hx-swap-oob")).isEqualTo("true");
    assertThat(form.select("select[name=folder_id] option").eachText())
        .containsExactly("No folder", "prod");
  }

  @Test
  void editRowSelectsTheServersFolder() {
    ServerRow s = new ServerRow(6, "web-6", "10.0.0.6", 9100, 2L, "b", "", true, true, true);
    View view =
        View.fragment(TEMPLATE, "edit-row")
            .with(
                "folders",
                List.of(
                    new FolderRow(1L, "a", false, false, List.of()),
                    new FolderRow(2L, "b", false, false, List.of())))
            .with("s", s)
            .with("form", new ServerFormView("web-6", "10.0.0.6", "9100", 2L, ""))
            .with("errors", Map.of());
    Element tr = parseRows(renderHtmx(view, admin())).child(0);

    assertThat(tr.id()).isEqualTo("server-6");
    assertThat(tr.hasClass("editing")).isTrue();
    assertThat(tr.select("form[hx-put=servers/6]")).hasSize(1);
    assertThat(tr.select("select[name=folder_id] option[selected]").eachAttr("value"))
        .containsExactly("2");
    assertThat(tr.select("button[hx-get=servers/6/row]").text()).isEqualTo("Cancel");
  }

  @Test
  void refusedFolderNameIsShownInline() {
    View view =
        View.fragment(TEMPLATE, "folder-error").with("folderError", "folder.name.duplicate");
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select("small#folder-error").text())
        .isEqualTo("A folder with this name already exists.");
  }
}
