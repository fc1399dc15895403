import BakenCore
import Foundation
import Testing

/// Callouts in a site: both forms, labelled in the page's language from the theme's words.
@Suite struct CalloutSiteTests {
    @Test func bothFormsInDutchAndArabic() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/i18n/nl.yml"]! += "callout_caution: \"Gevaar\"\ncallout_tip: \"Tip\"\n"
        theme["themes/t/i18n/en.yml"]! += "callout_caution: \"Danger\"\ncallout_tip: \"Tip\"\n"
        theme["themes/t/i18n/ar.yml"]! += "callout_caution: \"خطر\"\ncallout_tip: \"نصيحة\"\n"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n> [!CAUTION]\n> Ben je nu in gevaar? Bel 112.\n\n:::tip Goed om te weten\nPraat erover.\n:::\n\n:::tabs\nTekst.\n:::\n",
            "content/ar/_index.md": "---\ntitle: الرئيسية\n---\n> [!CAUTION]\n> هل أنت في خطر الآن؟ اتصل بالرقم 112.\n\n:::tip\nتحدّث عن الأمر.\n:::\n",
        ], theme: theme)
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/nl/_index.md:11: warning: unknown callout ':::tabs' (known: note, tip, important, warning, caution, info, danger): its text is shown as it is, without a callout",
        ])
        #expect(site.read("index.html")?.contains("""
            <h1>Home</h1>
            <div class="callout callout--caution" role="note">
            <p class="callout__label">Gevaar</p>
            <p>Ben je nu in gevaar? Bel 112.</p>
            </div>
            <div class="callout callout--tip" role="note">
            <p class="callout__label">Tip: Goed om te weten</p>
            <p>Praat erover.</p>
            </div>
            <p>Tekst.</p>

            """) == true)
        #expect(site.read("ar/index.html")?.contains("""
            <h1>الرئيسية</h1>
            <div class="callout callout--caution" role="note">
            <p class="callout__label">خطر</p>
            <p>هل أنت في خطر الآن؟ اتصل بالرقم 112.</p>
            </div>
            <div class="callout callout--tip" role="note">
            <p class="callout__label">نصيحة</p>
            <p>تحدّث عن الأمر.</p>
            </div>

            """) == true)
    }
}
