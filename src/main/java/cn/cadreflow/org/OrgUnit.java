package cn.cadreflow.org;

public record OrgUnit(Long id, String code, String name, OrgLevel unitLevel, Long parentId,
                      boolean grassroots, int minStaffing, int sortOrder) {
}
