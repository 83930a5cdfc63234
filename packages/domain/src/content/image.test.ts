import { describe, expect, it } from 'vitest';
import { LocationSchema } from '../clinic/location.js';
import { OrganizationSchema } from '../clinic/organization.js';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { ArticleSchema } from './article.js';
import { ImageSchema } from './image.js';

const image = { url: 'https://www.pteffect.example/images/a.jpg', alt: 'The entrance' };

describe('ImageSchema', () => {
  it('takes an https address with its alt text, and a size when known', () => {
    expect(ImageSchema.parse(image)).toEqual(image);
    expect(ImageSchema.parse({ ...image, width: 1600, height: 900 })).toMatchObject({
      width: 1600,
      height: 900,
    });
  });

  it.each([
    ['no alt text', { url: image.url }],
    ['a blank alt text', { ...image, alt: '   ' }],
    ['an http address', { ...image, url: 'http://www.pteffect.example/a.jpg' }],
    ['a relative address', { ...image, url: '/images/a.jpg' }],
    ['a fractional width', { ...image, width: 12.5 }],
    ['a zero height', { ...image, height: 0 }],
    ['an unknown key', { ...image, caption: 'x' }],
  ])('refuses %s', (_what, value) => {
    expect(ImageSchema.safeParse(value).success).toBe(false);
  });

  it('is optional everywhere the model has images: none by default', () => {
    const clinic = sampleClinic();
    const [article] = clinic.articles;
    const [location] = clinic.locations;
    const { images: _a, ...bareArticle } = article ?? {};
    const { images: _l, ...bareLocation } = location ?? {};
    const { images: _o, ...bareOrganization } = clinic.organization;
    expect(ArticleSchema.parse(bareArticle).images).toEqual([]);
    expect(LocationSchema.parse(bareLocation).images).toEqual([]);
    expect(OrganizationSchema.parse(bareOrganization).images).toEqual([]);
    expect(article?.images).toHaveLength(3);
  });
});
