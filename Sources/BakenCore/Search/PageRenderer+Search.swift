extension PageRenderer {
    /// A language's search page: the `search` layout with every value a generated page has, and `search`.
    func renderSearch(_ site: Site, url: String, view: SearchView) -> RenderedPage {
        let language = view.languages.first { $0.current }?.code ?? site.config.defaultLanguage
        let strings = site.theme.strings[language] ?? [:]
        let context = site.context(forGenerated: strings["search_title"] ?? "Search", url: url, language: language)
        let values = values(context, language: language, extra: ["search": TemplateEncoder.value(view), "languages": TemplateEncoder.value(view.languages)])
        return finish(templates.render(values, with: "search"), path: site.outputPath(url))
    }
}
