/**
 * Dry runs of allocation requests: what the algorithms would hold now, evaluated in order on a scratch copy of the
 * inventory; nothing is held, recorded or published.
 */
package com.stadium.quota.allocation.preview;
