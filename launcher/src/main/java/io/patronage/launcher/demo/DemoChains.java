package io.patronage.launcher.demo;

import io.patronage.launcher.demo.DemoChain.Person;
import io.patronage.launcher.demo.DemoChain.Product;
import io.patronage.launcher.demo.DemoChain.Store;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/** Three chains in three countries, currencies and languages. */
final class DemoChains {

    private DemoChains() {
    }

    static List<DemoChain> all() {
        return List.of(greek(), malaysian(), iranian());
    }

    private static DemoChain greek() {
        return new DemoChain("aegean-market-gr", "EUR", 2, "el-GR", "aegean-market.example", "+3069########",
                List.of(new Store("ath-syntagma", ZoneId.of("Europe/Athens")),
                        new Store("skg-tsimiski", ZoneId.of("Europe/Athens")),
                        new Store("her-lions-square", ZoneId.of("Europe/Athens")),
                        new Store("lca-finikoudes", ZoneId.of("Asia/Nicosia"))),
                List.of(product("FETA-PDO-400G", "dairy", "5.49"),
                        product("OLIVE-OIL-EV-1L", "pantry", "11.90"),
                        product("GREEK-COFFEE-194G", "beverages", "3.75"),
                        weighed("TOMATOES-KG", "produce", "2.35"),
                        product("KOULOURI", "bakery", "0.60"),
                        product("THYME-HONEY-450G", "pantry", "8.20")),
                List.of(new Person("Γιώργος", "Παπαδόπουλος", "giorgos.papadopoulos"),
                        new Person("Ελένη", "Κωνσταντίνου", "eleni.konstantinou"),
                        new Person("Νίκος", "Ιωάννου", "nikos.ioannou"),
                        new Person("Μαρία", "Γεωργίου", "maria.georgiou"),
                        new Person("Δημήτρης", "Αντωνίου", "dimitris.antoniou"),
                        new Person("Κατερίνα", "Νικολάου", "katerina.nikolaou"),
                        new Person("Κώστας", "Παππάς", "kostas.pappas"),
                        new Person("Σοφία", "Οικονόμου", "sofia.oikonomou"),
                        new Person("Γιάννης", "Μακρής", "giannis.makris"),
                        new Person("Αναστασία", "Βλάχου", "anastasia.vlachou"),
                        new Person("Παναγιώτης", "Δημητρίου", "panagiotis.dimitriou"),
                        new Person("Δέσποινα", "Καραγιάννη", "despoina.karagianni")));
    }

    private static DemoChain malaysian() {
        return new DemoChain("bintang-my", "MYR", 2, "ms-MY", "bintang.example", "+6012#######",
                List.of(new Store("kul-bangsar", ZoneId.of("Asia/Kuala_Lumpur")),
                        new Store("pen-georgetown", ZoneId.of("Asia/Kuala_Lumpur")),
                        new Store("bki-kota-kinabalu", ZoneId.of("Asia/Kuching"))),
                List.of(product("BERAS-WANGI-5KG", "rice", "26.90"),
                        product("MILO-1KG", "beverages", "23.50"),
                        product("KAYA-PANDAN-400G", "pantry", "7.80"),
                        product("ROTI-GARDENIA-400G", "bakery", "4.20"),
                        weighed("SAWI-KG", "produce", "5.60"),
                        product("TEH-TARIK-3IN1-15S", "beverages", "12.90")),
                List.of(new Person("Nur Aisyah", "binti Rahman", "nuraisyah.rahman"),
                        new Person("Muhammad Hafiz", "bin Ismail", "hafiz.ismail"),
                        new Person("Siti Aminah", "binti Yusof", "aminah.yusof"),
                        new Person("Wei Ling", "Tan", "weiling.tan"),
                        new Person("Chee Keong", "Lim", "cheekeong.lim"),
                        new Person("Priya", "Subramaniam", "priya.subramaniam"),
                        new Person("Ahmad Faizal", "bin Hassan", "faizal.hassan"),
                        new Person("Nurul Huda", "binti Zakaria", "nurulhuda.zakaria"),
                        new Person("Mei Fen", "Wong", "meifen.wong"),
                        new Person("Arjun", "Krishnan", "arjun.krishnan"),
                        new Person("Farah", "binti Kamal", "farah.kamal"),
                        new Person("Amirul", "bin Razak", "amirul.razak")));
    }

    private static DemoChain iranian() {
        return new DemoChain("khorshid-ir", "IRR", 0, "fa-IR", "khorshid.example", "+98912#######",
                List.of(new Store("thr-tajrish", ZoneId.of("Asia/Tehran")),
                        new Store("ifn-naqsh-e-jahan", ZoneId.of("Asia/Tehran")),
                        new Store("mhd-ahmadabad", ZoneId.of("Asia/Tehran"))),
                List.of(product("NAN-SANGAK", "bakery", "150000"),
                        product("DOOGH-1.5L", "dairy", "650000"),
                        product("SAFFRON-1G", "spices", "2900000"),
                        product("PISTACHIO-500G", "nuts", "18500000"),
                        weighed("BERENJ-HASHEMI-KG", "rice", "3600000"),
                        product("LAHIJAN-TEA-450G", "beverages", "2400000")),
                List.of(new Person("علی", "رضایی", "ali.rezaei"),
                        new Person("فاطمه", "محمدی", "fatemeh.mohammadi"),
                        new Person("محمد", "حسینی", "mohammad.hosseini"),
                        new Person("زهرا", "احمدی", "zahra.ahmadi"),
                        new Person("رضا", "کریمی", "reza.karimi"),
                        new Person("مریم", "موسوی", "maryam.mousavi"),
                        new Person("حسین", "جعفری", "hossein.jafari"),
                        new Person("سارا", "صادقی", "sara.sadeghi"),
                        new Person("امیر", "رحیمی", "amir.rahimi"),
                        new Person("نرگس", "هاشمی", "narges.hashemi"),
                        new Person("مهدی", "کاظمی", "mehdi.kazemi"),
                        new Person("لیلا", "قاسمی", "leila.ghasemi")));
    }

    private static Product product(String sku, String category, String unitPrice) {
        return new Product(sku, category, new BigDecimal(unitPrice), false);
    }

    private static Product weighed(String sku, String category, String pricePerKilogram) {
        return new Product(sku, category, new BigDecimal(pricePerKilogram), true);
    }
}
