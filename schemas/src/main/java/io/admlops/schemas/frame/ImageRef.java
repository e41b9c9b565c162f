package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The image of a frame.
 *
 * @param uri where the image is: in a {@code frames.jsonl} export, relative to the manifest's
 *     folder; in the registry's stored manifests, relative to {@code $DATASET}; in memory
 *     between a reader and a writer, an absolute path
 * @param width pixels
 * @param height pixels
 * @param sha256 hex SHA-256 of the image bytes, when computed; the sample's identity
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageRef(String uri, int width, int height, String sha256) {}
