package org.iepservices.events;

/**
 * Names an event type, the topic it travels on and the Java record of its {@code data}.
 * The schema URI points at {@code schemas/<name>.v<version>.json} in this module.
 */
public record EventType<T>(String name, String topic, int version, Class<T> payloadClass) {

    public String schemaUri() {
        return "urn:iepservices:events:" + name + ":v" + version;
    }

    public String schemaResource() {
        return "schemas/" + name + ".v" + version + ".json";
    }
}
