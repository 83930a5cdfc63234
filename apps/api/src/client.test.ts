import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from './app.js';
import { sampleApp } from './test-support/app.js';

// What a website does with the exported app type: a typed client whose paths, parameters,
// queries and bodies the compiler checks. Here it talks to the app in-process.
const { app } = await sampleApp();
const client = hc<AppType>('http://api.test', {
  fetch: (input: string | URL | Request, init?: RequestInit) => app.request(input, init),
});

describe('a typed hc client', () => {
  it('reads a therapist by slug', async () => {
    const res = await client.v1.therapists[':slug'].$get({ param: { slug: 'mark-shulman' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ displayName: 'Dr. Mark Shulman' });
  });

  it('filters therapists with typed query parameters', async () => {
    const res = await client.v1.therapists.$get({ query: { treatment: 'massage', limit: '5' } });
    expect(await res.json()).toMatchObject({ data: [{ slug: 'mark-shulman' }] });
  });

  it('posts a listing to lint', async () => {
    const res = await client.v1['credential-listings'].lint.$post({
      json: { listing: 'Jane Doe, PT, DPT' },
    });
    expect(await res.json()).toMatchObject({ clean: true });
  });
});
