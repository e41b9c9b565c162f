package io.admlops.activities.mine;

import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.SceneAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags that say why a frame was picked for labeling. They go into the frame's scene tags,
 * so the frame keeps them through labeling and into the dataset, and evaluation can report a
 * slice per reason.
 */
public final class MiningReasons {

  /** Every mining tag starts with this. */
  public static final String PREFIX = "mined:";

  /** The model was unsure: peaks near the score threshold. */
  public static final String UNCERTAIN = PREFIX + "uncertain";

  /** Detections popped in or dropped out between consecutive frames. */
  public static final String FLICKER = PREFIX + "flicker";

  /** Picked to spread the batch out although frames ranked higher were left. */
  public static final String DIVERSE = PREFIX + "diverse";

  /** Picked by the random strategy, the baseline. */
  public static final String RANDOM = PREFIX + "random";

  private MiningReasons() {}

  /** The tag of a scene value rare in the dataset, e.g. {@code mined:rare:night}. */
  public static String rare(String value) {
    return PREFIX + "rare:" + value;
  }

  /** The frame with the reasons added to its scene tags, each once, its own tags first. */
  public static Frame tag(Frame frame, List<String> reasons) {
    SceneAttributes scene = frame.scene();
    Set<String> tags = new LinkedHashSet<>(scene.tags());
    tags.addAll(reasons);
    return new Frame(frame.id(), frame.image(), frame.camera(), frame.objects(), frame.lanes(),
        new SceneAttributes(scene.timeOfDay(), scene.weather(), scene.sceneType(),
            List.copyOf(tags)), frame.provenance());
  }
}
