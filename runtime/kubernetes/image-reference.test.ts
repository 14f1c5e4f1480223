import { describe, expect, it } from 'vitest';
import { imageReferenceProblem } from './image-reference';

describe('imageReferenceProblem', () => {
  it.each([
    'nginx',
    'vigil/person-detector:1.2.0',
    'registry.example.com:5000/vigil/analyzer:0.1.0',
    'localhost/a_b/c__d/e-f:latest',
    'ghcr.io/org/image@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'node:24.11.1-bookworm-slim',
  ])('accepts %s', (image) => {
    expect(imageReferenceProblem(image)).toBeUndefined();
  });

  it.each([
    ['Bad Image:tag', /white space/],
    ['Vigil/Detector:1', /not a valid reference/],
    ['vigil/detector:', /not a valid reference/],
    ['vigil/detector:-1', /not a valid reference/],
    ['vigil//detector', /not a valid reference/],
    ['vigil/detector@sha256:short', /not a valid reference/],
    ['', /needs an image/],
    [undefined, /needs an image/],
  ])('refuses %j', (image, problem) => {
    expect(imageReferenceProblem(image)).toMatch(problem);
  });
});
