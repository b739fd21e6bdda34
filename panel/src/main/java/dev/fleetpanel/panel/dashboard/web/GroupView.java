package dev.fleetpanel.panel.dashboard.web;

/**
 * A folder as the page draws it.
 *
 * @param key the folder's id, or {@code none} (see {@link GroupRow})
 * @param name null for no folder
 * @param cardsHtml its cards, written by {@link CardHtml} (escaped there)
 */
public record GroupView(String key, String name, boolean empty, String cardsHtml) {}
