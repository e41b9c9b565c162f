package io.admlops.activities.modelzoo;

import java.nio.file.Path;

/**
 * A registered model version.
 *
 * @param id its row id
 * @param model the model's name
 * @param version its number within the model, from 1
 * @param folder its model zoo folder, holding {@value ModelVersions#CONFIG} and
 *     {@value ModelVersions#PARAMETERS}
 * @param paramsHash SHA-256 of the weights file
 */
public record ModelVersion(long id, String model, int version, Path folder,
    String paramsHash) {

  /** {@code model:version}, the way commands name it. */
  public String label() {
    return model + ":" + version;
  }

  public Path config() {
    return folder.resolve(ModelVersions.CONFIG);
  }

  public Path parameters() {
    return folder.resolve(ModelVersions.PARAMETERS);
  }

  public Path onnx() {
    return folder.resolve(ModelVersions.ONNX);
  }

  public Path card() {
    return folder.resolve(ModelVersions.CARD);
  }
}
