package dev.fleetpanel.panel.server.web;

import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.web.ErrorMapper;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import dev.fleetpanel.panel.server.Folder;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Servers page: the table by folder, the add form, inline editing, ordering, enable/disable,
 * delete.
 */
@Path("servers")
@Produces(MediaType.TEXT_HTML)
public class ServerResource {
  private static final String TEMPLATE = "server/list";

  @Inject ServerService servers;
  @Context HttpServletRequest request;

  @GET
  public View page() {
    return withTable(View.page(TEMPLATE, "content"))
        .with("form", ServerFormView.empty())
        .with("errors", Map.of());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> fields) {
    ServerFormView form = ServerFormView.of(fields);
    try {
      servers.create(form.toForm(), RequestInfo.of(request).actor());
    } catch (InvalidInputException e) {
      View view =
          withFolders(View.fragment(TEMPLATE, "add-form"))
              .with("form", form)
              .with("errors", e.errors());
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .header("HX-Retarget", "#add-server-form")
          .header("HX-Reswap", "outerHTML")
          .entity(view)
          .build();
    }
    View view =
        withTable(View.fragment(TEMPLATE, "table-and-form"))
            .with("form", ServerFormView.empty())
            .with("errors", Map.of())
            .with("oob", true);
    return Response.ok(view).build();
  }

  @GET
  @Path("table")
  public View table() {
    return withTable(View.fragment(TEMPLATE, "server-table"));
  }

  @GET
  @Path("{id}/row")
  public View row(@PathParam("id") long id) {
    return rowView(servers.get(id));
  }

  @GET
  @Path("{id}/edit")
  public View edit(@PathParam("id") long id) {
    Server server = servers.get(id);
    return withFolders(View.fragment(TEMPLATE, "edit-row"))
        .with("s", ServerRow.of(server, true, true))
        .with("form", ServerFormView.of(server))
        .with("errors", Map.of());
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    ServerFormView form = ServerFormView.of(fields);
    Server server;
    try {
      server = servers.update(id, form.toForm(), RequestInfo.of(request).actor());
    } catch (InvalidInputException e) {
      View view =
          withFolders(View.fragment(TEMPLATE, "edit-row"))
              .with("s", ServerRow.of(servers.get(id), true, true))
              .with("form", form)
              .with("errors", e.errors());
      return Response.status(ErrorMapper.UNPROCESSABLE).entity(view).build();
    }
    // The folder or order may have changed: redraw the whole table.
    return Response.ok(withTable(View.fragment(TEMPLATE, "server-table")))
        .header("HX-Retarget", "#server-table")
        .header("HX-Reswap", "outerHTML")
        .build();
  }

  @POST
  @Path("{id}/active")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public View setActive(@PathParam("id") long id, @FormParam("active") boolean active) {
    return rowView(servers.setActive(id, active, RequestInfo.of(request).actor()));
  }

  @POST
  @Path("{id}/move")
  public View move(@PathParam("id") long id, @QueryParam("dir") String dir) {
    servers.move(id, "up".equals(dir) ? -1 : 1, RequestInfo.of(request).actor());
    return withTable(View.fragment(TEMPLATE, "server-table"));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    servers.delete(id, RequestInfo.of(request).actor());
    return Response.ok("", MediaType.TEXT_HTML).build();
  }

  @POST
  @Path("folders")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createFolder(@FormParam("folder_name") String name) {
    return folderChange(() -> servers.createFolder(name, RequestInfo.of(request).actor()), name);
  }

  @POST
  @Path("folders/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response renameFolder(@PathParam("id") long id, @FormParam("folder_name") String name) {
    return folderChange(
        () -> servers.renameFolder(id, name, RequestInfo.of(request).actor()), name);
  }

  @POST
  @Path("folders/{id}/move")
  public View moveFolder(@PathParam("id") long id, @QueryParam("dir") String dir) {
    servers.moveFolder(id, "up".equals(dir) ? -1 : 1, RequestInfo.of(request).actor());
    return withTable(View.fragment(TEMPLATE, "server-table"));
  }

  @DELETE
  @Path("folders/{id}")
  public View deleteFolder(@PathParam("id") long id) {
    servers.deleteFolder(id, RequestInfo.of(request).actor());
    return withTable(View.fragment(TEMPLATE, "table-and-form"))
        .with("form", ServerFormView.empty())
        .with("errors", Map.of())
        .with("oob", true);
  }

  /**
   * Folder changes redraw the table and the add form (its folder list changed); a refused name is
   * shown inline.
   */
  private Response folderChange(Runnable change, String name) {
    try {
      change.run();
    } catch (InvalidInputException e) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .header("HX-Retarget", "#folder-error")
          .header("HX-Reswap", "outerHTML")
          .entity(
              View.fragment(TEMPLATE, "folder-error")
                  .with("folderError", e.errors().get("folder_name")))
          .build();
    }
    return Response.ok(
            withTable(View.fragment(TEMPLATE, "table-and-form"))
                .with("form", ServerFormView.empty())
                .with("errors", Map.of())
                .with("oob", true))
        .build();
  }

  private View rowView(Server server) {
    List<Server> siblings =
        servers.list().stream()
            .filter(
                s ->
                    s.folder() == null
                        ? server.folder() == null
                        : server.folder() != null && s.folder().id().equals(server.folder().id()))
            .toList();
    int index =
        siblings.indexOf(
            siblings.stream().filter(s -> s.id().equals(server.id())).findFirst().orElse(null));
    return View.fragment(TEMPLATE, "row")
        .with("s", ServerRow.of(server, index <= 0, index == siblings.size() - 1));
  }

  private View withTable(View view) {
    List<FolderRow> groups = new ArrayList<>();
    List<ServerService.Group> overview = servers.overview();
    int folderCount = overview.size() - 1;
    for (int g = 0; g < overview.size(); g++) {
      ServerService.Group group = overview.get(g);
      List<ServerRow> rows = new ArrayList<>();
      for (int i = 0; i < group.servers().size(); i++) {
        rows.add(ServerRow.of(group.servers().get(i), i == 0, i == group.servers().size() - 1));
      }
      Folder f = group.folder();
      groups.add(
          new FolderRow(
              f == null ? null : f.id(),
              f == null ? null : f.name(),
              g == 0,
              g == folderCount - 1,
              rows));
    }
    return withFolders(view)
        .with("groups", groups)
        .with("serverCount", groups.stream().mapToInt(r -> r.servers().size()).sum());
  }

  private View withFolders(View view) {
    return view.with(
        "folders",
        servers.folders().stream()
            .map(f -> new FolderRow(f.id(), f.name(), false, false, List.of()))
            .toList());
  }
}
