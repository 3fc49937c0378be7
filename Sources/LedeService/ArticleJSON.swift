import LedeCore
import LedeHTML

/// The contract's `article` object, in its key order; unknown metadata is `null`.
enum ArticleJSON {
    static func json(_ article: ArticleMetadata) -> JSONValue {
        .object([
            ("url", .optional(article.url)), ("final_url", .optional(article.finalURL)), ("title", .optional(article.title)),
            ("authors", .array(article.authors.map(JSONValue.string))), ("published", .optional(article.published)),
            ("modified", .optional(article.modified)), ("date_source", .optional(article.dateSource)),
            ("site_name", .optional(article.siteName)), ("language", .optional(article.language)),
            ("image", .optional(article.image)), ("canonical_url", .optional(article.canonicalURL)),
            ("charset", .optional(article.charset)), ("text", .string(article.text)),
        ])
    }
}
