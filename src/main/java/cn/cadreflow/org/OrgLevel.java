package cn.cadreflow.org;

/** 省 > 市 > 县(市、区) > 乡镇(街道) > 村(社区). */
public enum OrgLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE;

    /** Township and village units are grassroots (基层) by definition. */
    public boolean isGrassroots() {
        return this == TOWNSHIP || this == VILLAGE;
    }
}
