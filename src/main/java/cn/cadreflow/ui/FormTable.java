package cn.cadreflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;

/**
 * The cells of a printed official form (the theme's {@code table.registration-form}): label cells, value cells and
 * cells spanning several columns, as the 年度考核登记表 and the printed cadre file draw them.
 */
public final class FormTable {

    private FormTable() {
    }

    public static NativeTableRow row(Component... cells) {
        NativeTableRow row = new NativeTableRow();
        row.add(cells);
        return row;
    }

    /** A label cell; the text is already translated. */
    public static NativeTableCell label(String text) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.addClassName("form-label");
        return cell;
    }

    /** A value cell (blank for no value), with an id when a test or the print needs to find it. */
    public static NativeTableCell value(String text, String id) {
        NativeTableCell cell = new NativeTableCell(text == null ? "" : text);
        if (id != null) {
            cell.setId(id);
        }
        return cell;
    }

    /** The cell spanning this many columns. */
    public static NativeTableCell wide(NativeTableCell cell, int columns) {
        cell.getElement().setAttribute("colspan", String.valueOf(columns));
        return cell;
    }
}
