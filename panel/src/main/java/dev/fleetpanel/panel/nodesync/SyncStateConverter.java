package dev.fleetpanel.panel.nodesync;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * {@link SyncState} as the lower-case word the table keeps ({@code applied}, {@code pending}...).
 */
@Converter
public class SyncStateConverter implements AttributeConverter<SyncState, String> {
  @Override
  public String convertToDatabaseColumn(SyncState state) {
    return state == null ? null : state.wire();
  }

  @Override
  public SyncState convertToEntityAttribute(String value) {
    return value == null ? null : SyncState.valueOf(value.toUpperCase(Locale.ROOT));
  }
}
