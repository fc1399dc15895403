/// Baken's version: the one place it is written. `baken --version` prints it, and `scripts/release.sh`
/// reads it from this line to name the tarball and the .deb.
public enum BakenVersion {
    public static let current = "0.1.0"
}
