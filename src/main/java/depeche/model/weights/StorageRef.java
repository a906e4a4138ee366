package depeche.model.weights;

import depeche.model.weights.TensorData.DType;

/**
 * A storage that the pickle refers to by persistent id; its bytes lie outside the pickle (a zip entry, or after
 * the pickles in the legacy format).
 *
 * @param key   the storage key, e.g. {@code "0"}
 * @param dtype the element type of its storage class
 * @param numel the number of elements it holds
 */
record StorageRef(String key, DType dtype, long numel) {
}
