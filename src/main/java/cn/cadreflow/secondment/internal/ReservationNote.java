package cn.cadreflow.secondment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.cadre.PostNote;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentService;

/**
 * 岗编分离 on the post in the cadre file: "reserved for 张伟 (挂职锻炼 at 清河县人民政府, secondment no. 12) until
 * 2027-06-30", read through {@link SecondmentService#reservedBy}. The file view has checked access to the cadre whose
 * post it shows; the reservation names the cadre it is kept for.
 */
@Component
class ReservationNote implements PostNote {

    private final SecondmentService secondments;
    private final CadreService cadres;
    private final OrgService org;
    private final AppI18NProvider i18n;
    private final Clock clock;

    ReservationNote(SecondmentService secondments, CadreService cadres, OrgService org, AppI18NProvider i18n,
                    Clock clock) {
        this.secondments = secondments;
        this.cadres = cadres;
        this.org = org;
        this.i18n = i18n;
        this.clock = clock;
    }

    @Override
    public Optional<String> note(long postId, Locale locale) {
        return secondments.reservedBy(postId, LocalDate.now(clock))
                .filter(s -> s.homePostId() != null && s.homePostId() == postId)
                .map(s -> text(s, locale));
    }

    private String text(Secondment s, Locale locale) {
        String who = cadres.find(s.cadreId()).map(Cadre::name).orElse("");
        String where = org.unit(s.targetUnitId()).map(OrgUnit::name).orElse("");
        return i18n.getTranslation("secondment.reservation", locale, who,
                i18n.getTranslation("secondment.kind." + s.kind().name(), locale), where, s.id(),
                s.endDate().toString());
    }
}
