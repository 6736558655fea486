// EPUBCheck on several books in one Java process: its start-up takes most of a check's time
// (seven seconds a book as a command, under one in one run). Each book's report goes beside it as
// BOOK.json, the format of `epubcheck --json`. Run as a single-file program:
//   java -cp /usr/share/java/epubcheck.jar test/book/check-books.java BOOK.epub...
import com.adobe.epubcheck.tool.EpubChecker;

public class CheckBooks {
  public static void main(String[] books) {
    for (String book : books) new EpubChecker().run(new String[] {book, "--json", book + ".json", "--quiet"});
  }
}
