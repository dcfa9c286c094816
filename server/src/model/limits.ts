// Limits shared by every stage that reports per document (YAML syntax errors in the model,
// findings in the diagnostics reporter), so one number decides what a user is shown.

/**
 * At most this many diagnostics are shown per document; the rest are counted in one final
 * "… and N more" entry, as compilers do. Checking stays complete: only reporting is capped.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;
