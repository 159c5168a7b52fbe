// In-place sorting for the short lists of the managedFields code (a FieldsV1 node's children,
// an object's managers). Array.prototype.sort allocates work space on every call, and every
// write sorts several such lists; insertion sort on a few items allocates nothing.

/** Longest list sorted by insertion; longer ones go to Array.prototype.sort. */
const INSERTION_SORT_MAX = 16;

/** Sorts `items` in place (stably) and returns them. */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_SORT_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    for (; j >= 0 && compare(items[j], item) > 0; j--) items[j + 1] = items[j];
    items[j + 1] = item;
  }
  return items;
}
