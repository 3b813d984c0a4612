package cn.cadreflow.secondment;

/** The kinds of move, shown as {@code secondment.kind.<NAME>}. */
public enum SecondmentKind {
    /** 挂职锻炼: a temporary post elsewhere, the home post kept. */
    GUAZHI,
    /** 交流任职: serving in another unit for a term. */
    JIAOLIU,
    /** 借调: a grassroots cadre lent to a higher level, strictly for a limited time. */
    JIEDIAO,
    /** 下派: sent down, e.g. 驻村第一书记. */
    XIAPAI
}
