/**
 * The grammar of a container image reference (github.com/distribution/reference): [domain[:port]/]path[:tag][@digest].
 * The API server accepts any non-blank string and the kubelet only later reports InvalidImageName, so the runtime
 * checks the shape itself and fails at deploy time with a message that says what is wrong.
 */
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const reference = new RegExp(`^(?:${domain}/)?${pathComponent}(?:/${pathComponent})*(?::${tag})?(?:@${digest})?$`);

/** Undefined when the reference is well-formed, otherwise why not. */
export function imageReferenceProblem(image: string | undefined): string | undefined {
  if (image === undefined || image.trim() === '') return 'the Kubernetes runtime needs an image';
  if (/\s/.test(image)) return `image "${image}" contains white space`;
  if (image.length > 255 + 128 + 80) return `image "${image.slice(0, 40)}…" is too long`;
  if (!reference.test(image)) {
    return `image "${image}" is not a valid reference: expected [registry/]name[:tag][@sha256:digest] with a lower-case name`;
  }
  return undefined;
}
