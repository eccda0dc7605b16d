import { tracingSettings } from './tracing-settings';

describe('tracing settings from the OTEL_* variables', () => {
  it('is off when no exporter and no endpoint is set, whatever else is', () => {
    expect(tracingSettings({})).toEqual({ enabled: false, reason: expect.stringMatching(/no OTEL_TRACES_EXPORTER/) });
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'x' } as object)).toMatchObject({ enabled: false });
  });

  it('sends OTLP to the endpoint the operator named, traces path added to the base endpoint', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      endpoint: 'http://collector:4318/v1/traces',
    });
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/traces' }),
    ).toMatchObject({ endpoint: 'http://b:9999/traces' });
  });

  it('takes an explicit exporter: otlp to the default endpoint, console, or none', () => {
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({ enabled: true, endpoint: 'http://localhost:4318/v1/traces' });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ enabled: true, exporter: 'console' });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' })).toMatchObject({ enabled: false });
  });

  it('respects OTEL_SDK_DISABLED over everything', () => {
    expect(tracingSettings({ OTEL_SDK_DISABLED: 'TRUE', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' })).toEqual({
      enabled: false,
      reason: 'OTEL_SDK_DISABLED=true',
    });
    expect(tracingSettings({ OTEL_SDK_DISABLED: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' })).toMatchObject({ enabled: true });
  });

  it('refuses an exporter that is not shipped, naming the variable', () => {
    expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER: zipkin/);
  });
});
