import { describe, expect, it } from 'vitest';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { GeoCoordinatesSchema, LocationSchema } from './location.js';

const [sampleLocation] = sampleClinic().locations;

describe('GeoCoordinatesSchema', () => {
  it('accepts decimal degrees up to the poles and the antimeridian', () => {
    for (const geo of [
      { latitude: 32.72089, longitude: -117.16938 },
      { latitude: -90, longitude: 180 },
      { latitude: 90, longitude: -180 },
      { latitude: 0, longitude: 0 },
    ]) {
      expect(GeoCoordinatesSchema.parse(geo)).toEqual(geo);
    }
  });

  it('rejects coordinates off the globe, swapped-looking values, text and non-finite numbers', () => {
    for (const geo of [
      { latitude: 90.00001, longitude: 0 },
      { latitude: -117.16938, longitude: 32.72089 },
      { latitude: 0, longitude: 180.5 },
      { latitude: '32.7', longitude: '-117.1' },
      { latitude: Number.NaN, longitude: 0 },
      { latitude: 0, longitude: Number.POSITIVE_INFINITY },
      { latitude: 32.7 },
      { latitude: 32.7, longitude: -117.1, altitude: 10 },
    ]) {
      expect(GeoCoordinatesSchema.safeParse(geo).success, JSON.stringify(geo)).toBe(false);
    }
  });

  it('names the field that is out of range', () => {
    const result = GeoCoordinatesSchema.safeParse({ latitude: 91, longitude: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['latitude']);
  });
});

describe('LocationSchema geo', () => {
  it('is optional', () => {
    const { geo: _geo, ...withoutGeo } = sampleLocation ?? {};
    expect(LocationSchema.safeParse(withoutGeo).success).toBe(true);
  });

  it('carries the sample location’s coordinates', () => {
    expect(sampleLocation?.geo).toEqual({ latitude: 32.72089, longitude: -117.16938 });
  });
});
