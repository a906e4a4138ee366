package depeche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two nights of a news feed, made up from French sentence parts (deterministic for a seed): night 1 is
 * {@code articles} new articles; night 2 is as many again, of which {@code updated} share are updated versions
 * of night-1 articles (same id, one body paragraph rewritten) and the rest new. Each article ends with one
 * agency boilerplate sentence (a credit line, a "read also"): one of its ten sentences (headline, eight body
 * sentences, the boilerplate), as wire copy does.
 */
final class NightlyFeed {
    private static final String[] SUBJECTS = {"Le gouvernement", "La ministre de la Santé", "Le président de la République",
            "Les syndicats de cheminots", "La mairie de Lyon", "Le Premier ministre", "Les agriculteurs bretons",
            "La Banque centrale européenne", "Les enquêteurs de la police judiciaire", "Le tribunal de Paris",
            "Le conseil régional", "Les députés de l'opposition", "La préfecture du Rhône", "Le patronat",
            "Les associations de consommateurs", "Le ministre de l'Économie", "La Commission européenne",
            "Les médecins hospitaliers", "Le maire de Marseille", "Les organisateurs du festival"};
    private static final String[] VERBS = {"a annoncé", "a confirmé", "a démenti", "a présenté", "a critiqué",
            "a proposé", "a reporté", "a défendu", "a dénoncé", "a salué", "a détaillé", "a contesté",
            "a validé", "a rejeté", "a publié", "a promis"};
    private static final String[] OBJECTS = {"une réforme des retraites", "un plan d'urgence pour l'hôpital",
            "la hausse des prix de l'énergie", "un nouveau budget pour les transports",
            "la fermeture de plusieurs classes", "un accord sur les salaires", "la construction d'un nouveau pont",
            "un projet de loi sur le logement", "des mesures contre la sécheresse", "le rapport de la Cour des comptes",
            "une enquête sur la qualité de l'eau", "un programme de rénovation des écoles",
            "la suppression de plusieurs lignes de bus", "une aide exceptionnelle aux éleveurs"};
    private static final String[] PLACES = {"à Paris", "à Marseille", "devant l'Assemblée nationale", "à Bruxelles",
            "à Lyon", "à Toulouse", "au Sénat", "à Strasbourg", "à Lille", "à Nantes", "à Bordeaux", "à Rennes"};
    private static final String[] TIMES = {"mardi", "ce matin", "lors d'une conférence de presse", "hier soir",
            "jeudi après-midi", "en fin de semaine", "dans un communiqué", "à l'issue du conseil des ministres"};
    private static final String[] BOILERPLATE = {"Tous droits de reproduction et de représentation réservés.",
            "Lire aussi : notre dossier complet sur le sujet.", "Cet article a été mis à jour avec de nouveaux éléments.",
            "Avec l'Agence France-Presse.", "Les informations de cet article sont susceptibles d'évoluer."};
    /** Body paragraphs per article, and sentences per body paragraph. */
    private static final int PARAGRAPHS = 2;
    private static final int SENTENCES = 4;

    private final Random random;

    NightlyFeed(long seed) {
        this.random = new Random(seed);
    }

    /** Writes both nights' articles as .txt files into {@code night1} and {@code night2}. */
    void write(int articles, double updated, Path night1, Path night2) throws IOException {
        Files.createDirectories(night1);
        Files.createDirectories(night2);
        List<List<String>> first = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            List<String> article = article();
            first.add(article);
            Files.write(night1.resolve(String.format("n1-%03d.txt", i)), article);
        }
        int updates = (int) Math.round(articles * updated);
        for (int i = 0; i < articles; i++) {
            if (i < updates) { // an update of an earlier article: same id, one paragraph rewritten
                int earlier = i * (articles / Math.max(1, updates));
                List<String> article = new ArrayList<>(first.get(earlier));
                article.set(1 + random.nextInt(PARAGRAPHS), paragraph());
                Files.write(night2.resolve(String.format("n1-%03d.txt", earlier)), article);
            } else {
                Files.write(night2.resolve(String.format("n2-%03d.txt", i)), article());
            }
        }
    }

    /** A headline, the body paragraphs, then a boilerplate line. */
    private List<String> article() {
        List<String> lines = new ArrayList<>();
        lines.add(pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(PLACES));
        for (int p = 0; p < PARAGRAPHS; p++) {
            lines.add(paragraph());
        }
        lines.add(pick(BOILERPLATE));
        return lines;
    }

    private String paragraph() {
        List<String> sentences = new ArrayList<>();
        for (int s = 0; s < SENTENCES; s++) {
            sentences.add(pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(TIMES) + " " + pick(OBJECTS) + " "
                    + pick(PLACES) + ", pour " + (1 + random.nextInt(999)) + " millions d'euros.");
        }
        return String.join(" ", sentences);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
