import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

describe('parseConfig', () => {
  it('defaults to the sample clinic on 127.0.0.1:3000', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        watch: false,
        corsOrigins: '*',
        baseUrl: 'http://127.0.0.1:3000',
        bodyLimit: 1024 * 1024,
        shutdownTimeoutMs: 10_000,
        logLevel: 'info',
      },
    });
  });

  it('reads every variable', () => {
    const parsed = parseConfig({
      PORT: '8080',
      HOST: '::1',
      PTFX_DATA: 'clinic.yaml',
      PTFX_WATCH: '1',
      PTFX_CORS_ORIGINS: 'https://a.example, https://b.example:8443',
      PTFX_BASE_URL: 'https://api.example.com/',
      PTFX_BODY_LIMIT: '65536',
      PTFX_SHUTDOWN_TIMEOUT_MS: '2000',
      PTFX_LOG: 'silent',
    });
    expect(parsed).toMatchObject({
      ok: true,
      config: {
        port: 8080,
        host: '::1',
        dataFile: 'clinic.yaml',
        watch: true,
        corsOrigins: ['https://a.example', 'https://b.example:8443'],
        baseUrl: 'https://api.example.com',
        bodyLimit: 65536,
        shutdownTimeoutMs: 2000,
        logLevel: 'silent',
      },
    });
  });

  it('names the variable and what it expects, for every bad value at once', () => {
    expect(
      parseConfig({
        PORT: 'abc',
        PTFX_WATCH: 'yes',
        PTFX_CORS_ORIGINS: 'evil',
        PTFX_BODY_LIMIT: '1',
        HOST: 'a b',
      }),
    ).toEqual({
      ok: false,
      errors: [
        'PORT must be a whole number from 1 to 65535, got "abc"',
        'HOST must be a host name or IP address, got "a b"',
        'PTFX_WATCH must be 1 or 0, got "yes"',
        'PTFX_CORS_ORIGINS must be * or a comma-separated list of origins like https://www.example.com, got "evil"',
        'PTFX_BODY_LIMIT must be a whole number from 1024 to 16777216, got "1"',
      ],
    });
    expect(parseConfig({ PORT: '70000' })).toMatchObject({
      ok: false,
      errors: ['PORT must be a whole number from 1 to 65535, got "70000"'],
    });
    expect(parseConfig({ PORT: '3.5' })).toMatchObject({ ok: false });
  });
});
