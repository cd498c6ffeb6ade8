package org.iepservices.session.domain.copy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.List;

/** A short list of codes or ids in one column, comma separated (none of them contains a comma). */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(Arrays.stream(column.split(",")).map(String::trim).toList());
    }
}
