/** Jackson configuration shared by every module: payloads, JSONB columns, files, configs. */
package io.admlops.schemas.json;
