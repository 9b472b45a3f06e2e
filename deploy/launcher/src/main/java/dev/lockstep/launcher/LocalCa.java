package dev.lockstep.launcher;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's own certificate authority, so clients that refuse plain HTTP (Node openid-client,
 * AppAuth) can trust Lockstep without an "allow insecure" switch. Made at first start under
 * {@code <data dir>/tls} and reused: {@code ca.pem} is what a client trusts; {@code server.pem} and
 * {@code server-key.pem} (for 127.0.0.1 and localhost) are what the services serve. The server
 * certificate is issued again when it has less than 30 days left.
 */
public final class LocalCa {

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The files: the CA certificate to trust, and the server's certificate and key. */
    public record Certificates(Path ca, Path serverCertificate, Path serverKey) {
    }

    private LocalCa() {
    }

    public static Certificates ensure(Path dir) throws IOException {
        Files.createDirectories(dir);
        Certificates files = new Certificates(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        Path caKey = dir.resolve("ca-key.pem");
        try {
            if (!Files.exists(files.ca()) || !Files.exists(caKey)) {
                KeyPair ca = keyPair();
                X500Name name = new X500Name("CN=Lockstep sandbox local CA");
                X509v3CertificateBuilder builder = builder(name, name, ca, CA_LIFETIME)
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(ca.getPublic()));
                write(caKey, ca.getPrivate());
                write(files.ca(), sign(builder, ca.getPrivate()));
                Files.deleteIfExists(files.serverCertificate());
            }
            if (!Files.exists(files.serverCertificate()) || !Files.exists(files.serverKey())
                    || expiresSoon(read(files.serverCertificate()))) {
                issueServerCertificate(files, caKey);
            }
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the sandbox's certificates in " + dir, e);
        }
        return files;
    }

    private static void issueServerCertificate(Certificates files, Path caKey) throws IOException, GeneralSecurityException,
            OperatorCreationException {
        X509Certificate ca = read(files.ca());
        PrivateKey caPrivate = readKey(caKey);
        KeyPair server = keyPair();
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=localhost"), server, SERVER_LIFETIME)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost") }))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
        write(files.serverKey(), server.getPrivate());
        write(files.serverCertificate(), sign(builder, caPrivate));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration lifetime) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(lifetime)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, CertificateException {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static boolean expiresSoon(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void write(Path file, Object pem) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pem);
        }
        Files.writeString(file, text.toString());
    }

    private static X509Certificate read(Path file) throws IOException, CertificateException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            Object key = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return key instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) key);
        }
    }
}
