package io.admlops.activities.formats.coco;

import java.util.Arrays;

/**
 * COCO annotations held column-wise in primitive arrays: about 70 bytes an annotation instead
 * of several hundred as objects, so large instances files stay within a small heap. Rows keep
 * their position in the file's {@code annotations} array for error locations.
 */
final class CocoAnnotationTable {

  long[] id = new long[1024];
  long[] imageId = new long[1024];
  long[] categoryId = new long[1024];
  double[] bbox = new double[4 * 1024];
  double[] area = new double[1024];
  boolean[] crowd = new boolean[1024];
  int[] position = new int[1024];
  int size;

  int add(long annotationId, long image, long category, double[] box, double areaValue,
      boolean isCrowd, int positionInFile) {
    if (size == id.length) {
      int capacity = size * 2;
      id = Arrays.copyOf(id, capacity);
      imageId = Arrays.copyOf(imageId, capacity);
      categoryId = Arrays.copyOf(categoryId, capacity);
      bbox = Arrays.copyOf(bbox, 4 * capacity);
      area = Arrays.copyOf(area, capacity);
      crowd = Arrays.copyOf(crowd, capacity);
      position = Arrays.copyOf(position, capacity);
    }
    id[size] = annotationId;
    imageId[size] = image;
    categoryId[size] = category;
    System.arraycopy(box, 0, bbox, 4 * size, 4);
    area[size] = areaValue;
    crowd[size] = isCrowd;
    position[size] = positionInFile;
    return size++;
  }
}
