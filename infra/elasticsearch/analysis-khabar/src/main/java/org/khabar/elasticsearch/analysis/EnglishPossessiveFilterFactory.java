package org.khabar.elasticsearch.analysis;

import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code khabar_english_possessive}: Lucene's EnglishPossessiveFilter: drops a trailing 's (Putin's becomes Putin). */
@NamedComponent("khabar_english_possessive")
public final class EnglishPossessiveFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EnglishPossessiveFilter(tokenStream);
    }
}
