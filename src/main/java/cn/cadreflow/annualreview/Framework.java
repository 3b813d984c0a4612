package cn.cadreflow.annualreview;

/** A capability framework (能力框架), admin-editable reference data. */
public record Framework(Long id, String code, String name, String sourceNote, boolean active, int sortOrder) {
}
