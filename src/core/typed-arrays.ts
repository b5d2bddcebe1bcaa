/** Growing the typed arrays behind the matcher's reusable buffers. */

/** A copy of `old` with room for `size` entries (the rest zero); `old` itself if it is big enough. */
export function widened<T extends Int32Array | Uint8Array>(old: T, size: number): T {
  if (size <= old.length) return old;
  const fresh = new (old.constructor as new (length: number) => T)(size);
  fresh.set(old);
  return fresh;
}
