package dev.portcullis.archfixture.adapters.alpha;

/** Breaks "no standard streams". */
public class PrintingAdapter {
    public void run() {
        System.out.println("printed, not logged");
    }
}
