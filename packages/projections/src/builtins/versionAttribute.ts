/**
 * The attribute in which `replicate` and `lookup` rows hold the version (sortable sequence number)
 * of the source item's change they reflect.
 */
export const VERSION_ATTRIBUTE = 'sluiceVersion';
