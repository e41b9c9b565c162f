/** What the HTTP endpoints of the workers share: JSON replies. */
package io.admlops.workers.http;
