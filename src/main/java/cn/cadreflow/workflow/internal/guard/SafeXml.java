package cn.cadreflow.workflow.internal.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses an uploaded model without trusting it: a DOCTYPE (and so every entity, internal or external) is refused,
 * nothing is fetched (no external DTD, schema or XInclude), the JDK's secure-processing limits apply, and a
 * document that is not well-formed is refused with its line.
 */
final class SafeXml {

    private SafeXml() {
    }

    /** The parsed document; on refusal a {@link Rejected} carrying the message key and the line. */
    static Document parse(byte[] content) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // a warning does not stop the parse
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            throw new Rejected(doctype ? "guard.xml.doctype" : "guard.xml.malformed", String.valueOf(e.getLineNumber()));
        } catch (SAXException e) {
            throw new Rejected("guard.xml.doctype", "");
        } catch (IOException e) {
            throw new Rejected("guard.xml.malformed", "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        return f;
    }

    /** A file refused as a whole, before any rule is read. */
    static final class Rejected extends RuntimeException {
        final String key;
        final String line;

        Rejected(String key, String line) {
            super(key, null, false, false);
            this.key = key;
            this.line = line;
        }
    }
}
