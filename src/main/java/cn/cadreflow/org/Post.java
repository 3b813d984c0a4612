package cn.cadreflow.org;

public record Post(Long id, Long unitId, String name, boolean leadingPost, int sortOrder) {
}
