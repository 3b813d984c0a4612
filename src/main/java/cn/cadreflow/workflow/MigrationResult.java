package cn.cadreflow.workflow;

import java.util.List;

/**
 * What a migration did.
 *
 * @param moved   how many instances now run on the new version
 * @param left    how many stayed on the old version (a step that cannot be mapped, or the engine refused them)
 * @param refused the ids of the instances the engine refused although their steps all mapped
 */
public record MigrationResult(long moved, long left, List<String> refused) {
}
