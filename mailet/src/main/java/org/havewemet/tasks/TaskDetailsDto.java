package org.havewemet.tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link TaskDetails}: {@code {"type":"havewemet-erase","timestamp":...,"address":...,...}}, the
 * named values flat beside James' own {@code type} and {@code timestamp}.
 */
public final class TaskDetailsDto implements AdditionalInformationDTO {
    private final String type;
    private final Instant timestamp;
    private final Map<String, Object> values = new LinkedHashMap<>();

    @JsonCreator
    public TaskDetailsDto(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp) {
        this.type = type;
        this.timestamp = timestamp;
    }

    TaskDetailsDto(String type, Instant timestamp, Map<String, Object> values) {
        this(type, timestamp);
        this.values.putAll(values);
    }

    /** A module rendering one details class under one task type name. */
    static <T extends TaskDetails> AdditionalInformationDTOModule<T, TaskDetailsDto> module(
            Class<T> detailsClass, String typeName, BiFunction<Instant, Map<String, Object>, T> factory) {
        return DTOModule.forDomainObject(detailsClass)
            .convertToDTO(TaskDetailsDto.class)
            .toDomainObjectConverter(dto -> factory.apply(dto.getTimestamp(), dto.values))
            .toDTOConverter((details, type) -> new TaskDetailsDto(type, details.timestamp(), details.values()))
            .typeName(typeName)
            .withFactory(AdditionalInformationDTOModule::new);
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @JsonAnyGetter
    public Map<String, Object> values() {
        return values;
    }

    @JsonAnySetter
    void set(String name, Object value) {
        values.put(name, value);
    }
}
