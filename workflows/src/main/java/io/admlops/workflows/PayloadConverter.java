package io.admlops.workflows;

import io.admlops.schemas.json.Mappers;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * Temporal's data converter with the project's Jackson mapper, so workflow inputs and results
 * are the same JSON the Temporal UI shows and a person types into its Start Workflow form.
 */
public final class PayloadConverter {

  private PayloadConverter() {}

  /** The converter every client, worker and test environment of the project uses. */
  public static DataConverter dataConverter() {
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(Mappers.json()));
  }
}
