package io.admlops.activities.detector;

import io.admlops.activities.model.ModelConfig;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames rendered into the network's input tensor, each resized to the input the way
 * inference sees it, with the view of each so detections map back to its pixels. Any runtime
 * that runs the network (DJL, or ONNX Runtime on an export) reads the same values.
 *
 * @param pixels the tensor's values, {@code [frames, 3, height, width]} row-major
 * @param views how each frame landed in the input, in batch order
 * @param height the input height
 * @param width the input width
 */
public record InputBatch(float[] pixels, List<InputView> views, int height, int width) {

  public InputBatch {
    views = List.copyOf(views);
  }

  /** The images resized to a config's input and normalized, in order. */
  public static InputBatch of(List<BufferedImage> images, ModelConfig config) {
    int width = config.input().width();
    int height = config.input().height();
    List<InputView> views = new ArrayList<>();
    float[] pixels = new float[images.size() * 3 * width * height];
    for (int i = 0; i < images.size(); i++) {
      BufferedImage image = images.get(i);
      InputView view = InputView.fit(image.getWidth(), image.getHeight(), width, height);
      float[] planes = InputPixels.render(image, view);
      System.arraycopy(planes, 0, pixels, i * planes.length, planes.length);
      views.add(view);
    }
    return new InputBatch(pixels, views, height, width);
  }

  public int frames() {
    return views.size();
  }

  /** {@code [frames, 3, height, width]}. */
  public long[] shape() {
    return new long[] {frames(), 3, height, width};
  }

  /** Each frame's detections, decoded in input pixels, in that frame's image pixels. */
  public List<List<Detection>> inImagePixels(List<List<Detection>> decoded) {
    List<List<Detection>> result = new ArrayList<>();
    for (int i = 0; i < decoded.size(); i++) {
      result.add(decoded.get(i).stream().map(views.get(i)::toImage).toList());
    }
    return result;
  }
}
