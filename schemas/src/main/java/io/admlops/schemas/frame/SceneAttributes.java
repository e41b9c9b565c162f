package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The conditions a frame was taken in. Values follow BDD100K's vocabulary where it has one:
 * time of day {@code daytime, dawn/dusk, night}; weather {@code clear, overcast, partly cloudy,
 * rainy, snowy, foggy}; scene {@code city street, highway, residential, parking lot, tunnel,
 * gas stations}. Null means not known.
 *
 * @param timeOfDay when
 * @param weather the weather
 * @param sceneType the kind of road
 * @param tags free tags, e.g. why the loop mined this frame ({@code mined:uncertainty})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SceneAttributes(String timeOfDay, String weather, String sceneType,
    List<String> tags) {

  public static final SceneAttributes UNKNOWN = new SceneAttributes(null, null, null, List.of());

  /** BDD100K's times of day. */
  public static final List<String> TIMES_OF_DAY = List.of("daytime", "dawn/dusk", "night");

  /** BDD100K's weathers. */
  public static final List<String> WEATHERS =
      List.of("clear", "overcast", "partly cloudy", "rainy", "snowy", "foggy");

  /** BDD100K's scene types. */
  public static final List<String> SCENE_TYPES = List.of("city street", "highway",
      "residential", "parking lot", "tunnel", "gas stations");

  public SceneAttributes {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
