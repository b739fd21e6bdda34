package dev.fleetpanel.panel.dashboard.web;

import java.util.List;

/**
 * A folder on the dashboard with its cards.
 *
 * @param key the folder's id, or {@code none} for servers in no folder (the value posted when a
 *     card is dropped here, and the key of the browser's ordering)
 * @param name the folder's name, null for no folder
 */
public record GroupRow(String key, String name, List<CardRow> cards) {}
