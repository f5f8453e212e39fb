package io.stockbridge.compliance.rule.repository;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.stockbridge.compliance.document.repository.DocumentType;

/** Stores a rule's document types as "FCC_ID,FCC_TEST_REPORT" (Hibernate Reactive reads no top-level JSON arrays). */
@Converter
public class DocumentTypesConverter implements AttributeConverter<List<DocumentType>, String> {
  @Override
  public String convertToDatabaseColumn(List<DocumentType> types) {
    return types.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  @Override
  public List<DocumentType> convertToEntityAttribute(String column) {
    return Arrays.stream(column.split(",")).map(String::trim).filter(name -> !name.isEmpty())
        .map(DocumentType::valueOf).toList();
  }
}
