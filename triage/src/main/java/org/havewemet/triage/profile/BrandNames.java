package org.havewemet.triage.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Does a display name speak for a platform ("LinkedIn", "LinkedIn Invitations", "Anna via LinkedIn")? A person's
 * name that merely contains a short brand token ("VK Sharma") does not.
 */
public final class BrandNames {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}+]+");
    private static final Set<String> NOTICE_WORDS = Set.of("invitations", "invitation", "invites", "notifications",
            "notification", "team", "updates", "update", "security", "support", "bulletin", "messages", "message", "mail",
            "alerts", "alert", "service", "services", "news", "newsletter", "info", "account", "accounts", "network",
            "connect", "connections", "official", "admin", "administration", "noreply", "no", "reply", "the", "from",
            "hq", "help", "desk", "center", "centre", "care", "customer", "verification", "billing", "safety", "trust", "helpdesk", "member", "members", "premium", "jobs", "business", "profile", "corporation", "inc", "mailer",
            // the same words in the languages the platforms write in: a display name "LinkedIn Convites" speaks for LinkedIn
            "convites", "convite", "invitaciones", "invitación", "invitacion", "einladungen", "einladung", "inviti", "invito", "uitnodigingen", "zaproszenia", "davetler",
            "notificaciones", "notificações", "notificacoes", "notifiche", "benachrichtigungen", "meldingen", "powiadomienia", "bildirimler", "avisos", "aviso",
            "equipo", "equipe", "équipe", "suporte", "soporte", "assistenza", "supporto", "hilfe", "ayuda", "ajuda", "aiuto", "kundenservice", "sicherheit", "seguridad", "segurança", "sicurezza", "sécurité",
            "contacts", "contact", "kontakte", "kontakt", "contactos", "contatos", "contatti", "contactes", "kontakty", "connexions", "conexiones", "conexões", "verbindungen",
            "servicio", "serviço", "servizio", "conta", "cuenta", "compte", "konto", "cuentas", "contas", "サポート", "お知らせ", "客服", "通知", "고객센터", "알림", "поддержка", "служба", "уведомления",
            "الدعم", "فريق", "تنبيهات", "תמיכה", "सहायता", "japan", "brasil", "br", "de", "fr", "es", "it", "jp", "cn", "kr");
    private static final Pattern ON_BEHALF = Pattern.compile(
            "(?i)((?:^|[^\\p{L}])(?:via|par|über|through)|a trav[ée]s de|por meio do|tramite|\\()\\s*");

    private BrandNames() {
    }

    /** True when the display name is the brand, the brand with notice words, or "someone via brand". */
    public static boolean claims(String displayName, List<String> brandsLower) {
        return claims(Name.of(displayName), new Brands(brandsLower));
    }

    /** {@link #claims(String, List)} with the name split once per mail and the brands once per configuration. */
    public static boolean claims(Name name, Brands brands) {
        if (name == null) {
            return false;
        }
        for (Brand brand : brands.brands) {
            if (brand.tokens.isEmpty() || !containsSequence(name.tokens, brand.tokens)) {
                // "Linkedln", "L1nkedIn": the brand written with look-alike letters claims it just the same.
                if (!brand.tokens.isEmpty() && brand.lower.length() >= 5 && containsSequence(name.look(), brand.look)
                        && looksLikeBrandOrNotice(name, brand)) {
                    return true;
                }
                continue;
            }
            if (name.tokens.stream().allMatch(t -> brand.tokens.contains(t) || NOTICE_WORDS.contains(t))) {
                return true;
            }
            for (int end : name.onBehalfEnds()) {
                if (name.lower.startsWith(brand.lower, end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every token of the name is the brand's, by look-alike skeleton, or a notice word as written. */
    private static boolean looksLikeBrandOrNotice(Name name, Brand brand) {
        List<String> look = name.look();
        for (int i = 0; i < look.size(); i++) {
            if (!brand.look.contains(look.get(i)) && !NOTICE_WORDS.contains(name.tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(String lower) {
        return Arrays.stream(SEPARATORS.split(lower)).filter(t -> !t.isEmpty()).toList();
    }

    /** Look-alike letters to one representative ("1" and "l" and "i"; "rn" and "m"). */
    private static String skeleton(String s) {
        return s.replace("rn", "m").replace("vv", "w").replace('0', 'o').replace('1', 'l').replace('i', 'l')
            .replace('ı', 'l').replace('|', 'l');
    }

    private static boolean containsSequence(List<String> tokens, List<String> seq) {
        for (int i = 0; i + seq.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + seq.size()).equals(seq)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A display name split into lower-case tokens once per mail (every platform's brands are tested against it);
     * its look-alike skeletons and "via" positions are worked out only when a brand needs them.
     */
    public static final class Name {
        private final String lower;
        private final List<String> tokens;
        private List<String> look;
        private int[] onBehalfEnds;

        private Name(String lower) {
            this.lower = lower;
            this.tokens = tokens(lower);
        }

        /** The split name, or null for a missing or blank one (which claims no brand). */
        public static Name of(String displayName) {
            return displayName == null || displayName.isBlank() ? null : new Name(displayName.toLowerCase(Locale.ROOT));
        }

        private List<String> look() {
            if (look == null) {
                look = tokens.stream().map(BrandNames::skeleton).toList();
            }
            return look;
        }

        /** Where a brand would start after "via", "par", "(" and the like. */
        private int[] onBehalfEnds() {
            if (onBehalfEnds == null) {
                List<Integer> ends = new ArrayList<>();
                Matcher m = ON_BEHALF.matcher(lower);
                while (m.find()) {
                    ends.add(m.end());
                }
                onBehalfEnds = ends.stream().mapToInt(Integer::intValue).toArray();
            }
            return onBehalfEnds;
        }
    }

    /** A platform's brand names, split and skeletonised once per configuration. */
    public static final class Brands {
        private final List<Brand> brands;

        public Brands(List<String> brandsLower) {
            this.brands = brandsLower.stream().map(Brand::new).toList();
        }
    }

    private static final class Brand {
        private final String lower;
        private final List<String> tokens;
        private final List<String> look;

        private Brand(String lower) {
            this.lower = lower;
            this.tokens = tokens(lower);
            this.look = tokens.stream().map(BrandNames::skeleton).toList();
        }
    }
}
