/** What the HTTP endpoints of the workers share: JSON replies and request threads. */
package io.admlops.workers.http;
