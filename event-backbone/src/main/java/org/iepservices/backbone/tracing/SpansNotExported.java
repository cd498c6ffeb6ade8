package org.iepservices.backbone.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where no OTLP endpoint is configured, spans are made (trace ids in logs and problem+json, context through
 * the outbox) but sent nowhere: Quarkus' OTLP exporter would otherwise send them to its built-in default,
 * {@code http://localhost:4317/}, and warn about every batch the local run and the tests have no collector for.
 *
 * <p>How: Quarkus replaces its OTLP exporter by the application's {@link SpanExporter} beans when there are
 * any, and this bean exists for lookup only while neither {@code quarkus.otel.exporter.otlp.endpoint} nor
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} is set (unset, Quarkus reads the first as its default).
 * A deployment that sets {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} gets Quarkus' OTLP exporter unchanged.
 * A collector that really listens on localhost's default port is written {@code http://localhost:4317}
 * (no trailing slash), which is not the default and so counts as set.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = SpansNotExported.QUARKUS_DEFAULT_ENDPOINT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint",
        stringValue = SpansNotExported.QUARKUS_DEFAULT_ENDPOINT, lookupIfMissing = true)
public class SpansNotExported implements SpanExporter {

    /** What Quarkus reads for {@code quarkus.otel.exporter.otlp.endpoint} when nobody set it. */
    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
