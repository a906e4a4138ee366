/**
 * Translation exchange files, for the translation memory and for reviewers' corrections: {@link
 * depeche.memory.exchange.TmxReader TMX 1.4b} and {@link depeche.memory.exchange.XliffReader XLIFF 2.0} read into
 * French-English {@link depeche.memory.exchange.ExchangePair pairs} that say whether a person approved them
 * ({@link depeche.memory.exchange.Exchanges#read} picks the reader by extension), and the memory {@link
 * depeche.memory.exchange.TmxExporter exported as TMX}. The XML parser reads no DTD and expands no entity (no XXE).
 */
package depeche.memory.exchange;
